//! Readers for the service directory's types.

use super::decode_struct;
use crate::directory::{Accepts, Contact, Directory, Provider};

decode_struct!(Directory {
    id: "id",
    version: "version",
    description: "description",
    providers: "providers",
});

decode_struct!(Provider {
    id: "id",
    name: "name",
    services: "services",
    areas: "areas",
    contact: "contact",
    accepts: "accepts",
});

decode_struct!(Contact {
    phone: "phone",
    whatsapp: "whatsapp",
    address: "address",
    hours: "hours",
    confirmed: "confirmed",
});

decode_struct!(Accepts {
    children: "children",
    men: "men",
    women: "women",
});

// JSON Forms with the vanilla renderers, rendering one small form.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';

const schema = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 }, consent: { type: 'boolean' } },
};
createRoot(document.getElementById('root')).render(
  createElement(JsonForms, { schema, data: {}, renderers: vanillaRenderers, cells: vanillaCells }),
);

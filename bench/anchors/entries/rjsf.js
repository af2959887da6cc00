// react-jsonschema-form with its AJV 8 validator, rendering one small form.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';

const schema = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 }, consent: { type: 'boolean' } },
};
createRoot(document.getElementById('root')).render(createElement(Form, { schema, validator }));

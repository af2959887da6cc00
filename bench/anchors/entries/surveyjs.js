// SurveyJS with its framework-free UI and default theme, rendering one small survey.
import 'survey-core/survey-core.min.css';
import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';

const survey = new Model({
  elements: [
    { type: 'text', name: 'name', isRequired: true },
    { type: 'text', name: 'age', inputType: 'number', min: 0 },
    { type: 'boolean', name: 'consent' },
  ],
});
renderSurvey(survey, document.getElementById('root'));

import { onlyPublicFields } from './gateway.module';

const PUBLIC = new Set(['surveyForm', 'submitSurveyAnswers']);

describe('anonymous access through the gateway', () => {
  it('lets through an operation that asks only for public root fields', () => {
    expect(onlyPublicFields({ query: '{ surveyForm(token: "t") { title } }' }, PUBLIC)).toBe(true);
    expect(onlyPublicFields({ query: 'mutation M { submitSurveyAnswers(input: {}) { id } __typename }' }, PUBLIC)).toBe(true);
  });

  it('refuses anything mixed with a protected field, aliased tricks included, and anything unparsable', () => {
    expect(onlyPublicFields({ query: '{ surveyForm(token: "t") { title } serviceCenters { totalCount } }' }, PUBLIC)).toBe(false);
    expect(onlyPublicFields({ query: '{ surveyForm: serviceCenters { totalCount } }' }, PUBLIC)).toBe(false);
    expect(onlyPublicFields({ query: '{ ...F } fragment F on Query { serviceCenters { totalCount } }' }, PUBLIC)).toBe(false);
    expect(onlyPublicFields({ query: '{ surveyForm(' }, PUBLIC)).toBe(false);
    expect(onlyPublicFields({ query: '{ surveyForm(token: "t") { title } }' }, new Set())).toBe(false);
  });

  it('with several operations, judges the one named by operationName', () => {
    const query = 'query A { surveyForm(token: "t") { title } } query B { regions { id } }';
    expect(onlyPublicFields({ query, operationName: 'A' }, PUBLIC)).toBe(true);
    expect(onlyPublicFields({ query, operationName: 'B' }, PUBLIC)).toBe(false);
    expect(onlyPublicFields({ query }, PUBLIC)).toBe(false);
  });
});

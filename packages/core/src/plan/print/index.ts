export { formatPlanText } from './format-plan-text.js';
export { planToJson } from './plan-to-json.js';
export { renderFindingsHtml, FINDINGS_FILTER_SCRIPT } from './render-findings-html.js';
export { groupFindings, RULE_TITLES, type FindingGroup } from './group-findings.js';

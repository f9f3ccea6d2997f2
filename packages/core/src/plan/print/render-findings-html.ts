import { html, Html } from '../../report/html.js';
import type { Finding } from '../findings/finding.js';
import { groupFindings, RULE_TITLES } from './group-findings.js';

/**
 * The findings as an HTML section: grouped by rule, each with its codes and every finding, and
 * filter controls (severity, rule, text). The filtering script is FINDINGS_FILTER_SCRIPT; the
 * section reads fine without it.
 */
export function renderFindingsHtml(findings: readonly Finding[]): Html {
  if (findings.length === 0) return html`<p class="empty">No findings.</p>`;
  const groups = groupFindings(findings);
  const controls = html`<div class="filters" role="group" aria-label="Filter findings">
<label><input type="checkbox" data-filter-severity="error" checked> Errors (${findings.filter((f) => f.severity === 'error').length})</label>
<label><input type="checkbox" data-filter-severity="warning" checked> Warnings (${findings.filter((f) => f.severity === 'warning').length})</label>
<label><input type="checkbox" data-filter-severity="info" checked> Info (${findings.filter((f) => f.severity === 'info').length})</label>
<select data-filter-rule aria-label="Rule"><option value="">All rules</option>${groups.map((g) => html`<option value="${g.rule}">${RULE_TITLES[g.rule]}</option>`)}</select>
<input type="search" data-filter-text placeholder="Filter by name, code or text…" aria-label="Text">
<span class="muted" data-filter-count></span></div>`;
  const body = groups.map(
    (group) => html`<div class="rule-group" data-rule="${group.rule}"><h3>${RULE_TITLES[group.rule]} <span class="muted">${[
      group.counts.error ? `${group.counts.error} error(s)` : '',
      group.counts.warning ? `${group.counts.warning} warning(s)` : '',
      group.counts.info ? `${group.counts.info} info` : '',
    ]
      .filter(Boolean)
      .join(', ')}</span></h3>${group.codes.map(
      (code) => html`<details class="code-group" data-code="${code.code}"${code.severity !== 'info' ? new Html(' open') : ''}><summary><span class="badge ${code.severity}">${code.severity}</span> <code>${code.code}</code> ${code.title} <span class="muted">(${code.findings.length})</span></summary>
<p class="hint">${code.findings[0]?.hint ?? ''}</p>${findingRows(code.findings)}</details>`,
    )}</div>`,
  );
  return html`${controls}${body}`;
}

function findingRows(findings: readonly Finding[]): Html {
  return html`<table class="findings"><thead><tr><th>Where</th><th>What</th></tr></thead><tbody>${findings.map(
    (f) => html`<tr data-finding data-severity="${f.severity}"><td><code>${f.path}</code></td><td>${f.message}</td></tr>`,
  )}</tbody></table>`;
}

/** Inline script for the filters of renderFindingsHtml. */
export const FINDINGS_FILTER_SCRIPT = `
(function(){
  var root=document;var boxes=root.querySelectorAll('[data-filter-severity]');var rule=root.querySelector('[data-filter-rule]');
  var text=root.querySelector('[data-filter-text]');var count=root.querySelector('[data-filter-count]');
  function apply(){
    var on={};boxes.forEach(function(b){on[b.getAttribute('data-filter-severity')]=b.checked;});
    var r=rule?rule.value:'';var q=text?text.value.toLowerCase():'';var shown=0;
    root.querySelectorAll('.rule-group').forEach(function(g){
      var gShown=0;var ruleOk=!r||g.getAttribute('data-rule')===r;
      g.querySelectorAll('details.code-group').forEach(function(d){
        var dShown=0;var code=d.getAttribute('data-code')||'';
        d.querySelectorAll('tr[data-finding]').forEach(function(tr){
          var ok=ruleOk&&on[tr.getAttribute('data-severity')]&&(!q||(code+' '+tr.textContent).toLowerCase().indexOf(q)>=0);
          tr.hidden=!ok;if(ok){dShown++;}
        });
        d.hidden=dShown===0;gShown+=dShown;
      });
      g.hidden=gShown===0;shown+=gShown;
    });
    if(count){count.textContent=shown+' shown';}
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  if(rule){rule.addEventListener('change',apply);}if(text){text.addEventListener('input',apply);}
  apply();
})();
`;

/**
 * The few styles `predict --html` adds to report.html's (reports/html/client/report-page.css): its tables and the
 * line under an assumption that decides the outcome. Kept here, not in the report's stylesheet, so report.html stays
 * byte for byte what it was.
 */
export const predictPageCss = `details.entry.prediction {
  border-left-color: var(--certain);
}
table.predict {
  border-collapse: collapse;
  background: #fff;
  margin: 4px 0 8px;
}
table.predict th,
table.predict td {
  border-bottom: 1px solid #e5e7eb;
  padding: 3px 12px 3px 8px;
  text-align: left;
  vertical-align: top;
}
/* Short columns stay on one line; the message column takes what is left. */
table.predict td:not(:last-child) {
  white-space: nowrap;
}
table.predict th {
  background: #f3f4f6;
}
table.predict td {
  font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
  font-size: 12.5px;
}
ul.assumptions li {
  margin-bottom: 6px;
}
.decides {
  color: var(--unknown);
  font-weight: 600;
}
.outcome code {
  font-weight: 600;
}
`;

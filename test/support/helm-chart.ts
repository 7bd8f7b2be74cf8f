/** The `Chart.yaml` that makes `chart/` a Helm chart, for cases whose files live in `chart/templates/` or beside it. */
export const CHART = { 'chart/Chart.yaml': 'apiVersion: v2\nname: orders\nversion: 0.1.0\nappVersion: "1.4.2"\n' };

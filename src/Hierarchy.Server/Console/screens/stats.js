// Statistics: resolution, satisfaction and complaints per 1,000 households month by month, and the children ranked worst first.
import { html, useState } from '../vendor/htm-preact-standalone.js';
import { get } from '../api.js';
import { rankBy, percent } from '../labels.js';
import { useLoad, ServerError, Loading, UnitPicker, UnitLink, Table } from '../ui.js';
import { Chart } from '../chart.js';

const months = 6;

// Months in China time, oldest first, the current one last.
function lastMonths(now = new Date()) {
  const china = new Date(now.getTime() + 8 * 3600 * 1000);
  const list = [];
  for (let back = months - 1; back >= 0; back -= 1) {
    const year = china.getUTCFullYear();
    const month = china.getUTCMonth() - back;
    const from = new Date(Date.UTC(year, month, 1) - 8 * 3600 * 1000);
    const to = new Date(Date.UTC(year, month + 1, 1) - 8 * 3600 * 1000);
    list.push({ label: `${new Date(Date.UTC(year, month, 1)).getUTCMonth() + 1}月`, from: from.toISOString(), to: to.toISOString() });
  }
  return list;
}

export function StatsScreen({ args }) {
  const unitId = args[0];
  if (!unitId) return html`<section><h1>统计排名</h1><p>选择一个单位：</p><${UnitPicker} to="stats" /></section>`;
  return html`<section><h1>统计排名</h1><${Figures} unitId=${unitId} key=${unitId} /><${Ranking} unitId=${unitId} key=${`r${unitId}`} /></section>`;
}

function Figures({ unitId }) {
  const figures = useLoad(async () => {
    const periods = lastMonths();
    const stats = await Promise.all(periods.map((p) => get(`/v1/units/${unitId}/stats`, { from: p.from, to: p.to })));
    return periods.map((p, i) => ({ ...p, stats: stats[i] }));
  }, [unitId]);
  if (figures.loading) return html`<${Loading} when=${true} />`;
  if (figures.error) return html`<${ServerError} error=${figures.error} />`;
  const unit = figures.data[0].stats.unit;
  const series = (pick) => figures.data.map((m) => ({ label: m.label, value: pick(m.stats) }));
  return html`
    <h2><${UnitLink} unit=${unit} /> 近 ${months} 个月</h2>
    <div class="charts">
      <${Chart} test="chart-received" title="诉求量" points=${series((s) => Number(s.received))} format=${(v) => String(v)} />
      <${Chart} test="chart-resolution" title="解决率" line points=${series((s) => s.resolutionRate)} format=${percent} />
      <${Chart} test="chart-satisfaction" title="满意率" line points=${series((s) => s.satisfactionRate)} format=${percent} />
      <${Chart} test="chart-per-thousand" title="千户诉求量" points=${series((s) => s.complaintsPerThousandHouseholds)} format=${(v) => v.toFixed(2)} />
    </div>`;
}

function Ranking({ unitId }) {
  const [by, setBy] = useState('COMPLAINT_VOLUME');
  const periods = lastMonths();
  const from = periods[0].from;
  const ranking = useLoad(() => get(`/v1/units/${unitId}/ranking`, { by, from, to: new Date().toISOString() }), [unitId, by]);
  return html`
    <h2>下级排名（最差在前，${periods[0].label}至今）</h2>
    <label>排序依据
      <select name="rank-by" value=${by} onChange=${(e) => setBy(e.target.value)}>
        ${Object.entries(rankBy).map(([code, label]) => html`<option value=${code}>${label}</option>`)}
      </select>
    </label>
    <${ServerError} error=${ranking.error} />
    ${ranking.data && html`<${Table} test="ranking" empty="没有下级单位"
      head=${['名次', '单位', '诉求量', '解决率', '满意率', '千户诉求量', '户数']}
      rows=${ranking.data.children.map((s, i) => [i + 1, html`<${UnitLink} unit=${s.unit} to="stats" />`, s.received,
        percent(s.resolutionRate), percent(s.satisfactionRate), s.complaintsPerThousandHouseholds.toFixed(2),
        Number(s.households).toLocaleString('zh-CN')])} />`}`;
}

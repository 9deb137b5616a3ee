// The organisation: search, browse level by level, a unit's people, households and open issues.
import { html, useState } from '../vendor/htm-preact-standalone.js';
import { get } from '../api.js';
import { positions, openStatuses, childLevel, levels } from '../labels.js';
import { useLoad, ServerError, Loading, UnitLink, Level, Table, go } from '../ui.js';
import { Organizations } from './organizations.js';

export function TreeScreen({ args }) {
  const unitId = args[0];
  return html`
    <section>
      <h1>组织架构</h1>
      <${Search} />
      ${unitId ? html`<${Unit} id=${unitId} key=${unitId} />` : html`<${Roots} />`}
    </section>`;
}

function Roots() {
  const roots = useLoad(() => fetch('/console/roots.json').then((r) => r.json()), []);
  return html`
    <${Loading} when=${roots.loading} />
    <${ServerError} error=${roots.error} />
    ${roots.data && html`<h2>辖区</h2><ul class="roots">${roots.data.map((u) => html`<li><${UnitLink} unit=${u} /> <code>${u.code}</code></li>`)}</ul>`}`;
}

function Search() {
  const [query, setQuery] = useState('');
  const [level, setLevel] = useState('');
  const [found, setFound] = useState(null);
  const [error, setError] = useState(null);
  const search = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      const roots = await fetch('/console/roots.json').then((r) => r.json());
      const results = [];
      for (const root of roots) {
        const page = await get('/v1/units:search', { rootUnitId: root.id, query: query.trim(), level, pageSize: 50 });
        results.push(...page.units);
      }
      setFound(results);
    } catch (err) {
      setError(err);
      setFound(null);
    }
  };
  return html`
    <form class="search" onSubmit=${search}>
      <input name="query" placeholder="按名称搜索，如 群芳园" value=${query} onInput=${(e) => setQuery(e.target.value)} />
      <select name="level" value=${level} onChange=${(e) => setLevel(e.target.value)}>
        <option value="">所有层级</option>
        ${Object.entries(levels).map(([code, label]) => html`<option value=${code}>${label}</option>`)}
      </select>
      <button type="submit">搜索</button>
    </form>
    <${ServerError} error=${error} />
    ${found && html`<${Table} test="search-results" empty="没有找到"
      head=${['名称', '层级', '编码']}
      rows=${found.map((u) => [html`<${UnitLink} unit=${u} />`, html`<${Level} level=${u.level} kind=${u.kind} />`, html`<code>${u.code}</code>`])} />`}`;
}

function Unit({ id }) {
  const unit = useLoad(async () => {
    const [self, ancestors, children, issues, organizations, categories] = await Promise.all([
      get(`/v1/units/${id}`),
      get(`/v1/units/${id}/ancestors`),
      get(`/v1/units/${id}/children`, { pageSize: 1000 }),
      get('/v1/issues', { unitId: id, pageSize: 1000 }).catch((error) => ({ error })),
      get('/v1/organizations', { unitId: id }),
      get('/v1/categories'),
    ]);
    // Households are counted whatever the period; the period is required, so it is all of it.
    const stats = await get(`/v1/units/${id}/stats`, { from: '2000-01-01T00:00:00Z', to: new Date().toISOString() }).catch((error) => ({ error }));
    return { self, ancestors, children, issues, stats, organizations: organizations.organizations ?? [], categories: categories.categories };
  }, [id]);
  if (unit.loading && !unit.data) return html`<${Loading} when=${true} />`;
  if (unit.error) return html`<${ServerError} error=${unit.error} />`;
  const { self, ancestors, children, issues, stats, organizations, categories } = unit.data;
  const u = self.unit;
  const open = issues.issues?.filter((i) => openStatuses.includes(i.status)) ?? [];
  return html`
    <nav class="breadcrumb">${ancestors.ancestors.map((a) => html`<${UnitLink} unit=${a} /> › `)}<span>${u.name}</span></nav>
    <h2 data-test="unit-name">${u.name} <${Level} level=${u.level} kind=${u.kind} /></h2>
    <dl class="facts">
      <dt>编码</dt><dd><code>${u.code}</code></dd>
      <dt>户数</dt><dd data-test="households">${stats.error ? '—' : Number(stats.households).toLocaleString('zh-CN')}</dd>
      <dt>未办结诉求</dt><dd data-test="open-issues">${issues.error ? '无权查看' : html`<a href=${`#/issues/${u.id}`}>${open.length}</a>`}</dd>
      <dt>下级</dt><dd>${u.childCount} 个${levels[childLevel[u.level]] ?? ''}</dd>
    </dl>
    <div class="actions">
      ${u.level === 'COMMUNITY' && html`<button onClick=${() => go(`#/reorg/${u.id}`)} data-test="reorganize">调整本社区网格</button>`}
      <button onClick=${() => go(`#/issues/${u.id}`)}>诉求看板</button>
      <button onClick=${() => go(`#/stats/${u.id}`)}>统计排名</button>
    </div>
    <h3>人员</h3>
    <${Table} test="people" empty="无人任职" head=${['职务', '姓名', '工作电话', '派出单位']}
      rows=${self.positions.map((p) => [positions[p.kind] ?? p.kind, p.holder?.name ?? '', p.holder?.phone ?? '', p.agency])} />
    <${Organizations} unit=${u} children=${children.children} organizations=${organizations} categories=${categories} onChanged=${unit.reload} />
    <h3>下级单位</h3>
    <${Table} test="children" empty="没有下级单位" head=${['名称', '层级', '编码', '下级数']}
      rows=${children.children.map((c) => [html`<${UnitLink} unit=${c} />`, html`<${Level} level=${c.level} kind=${c.kind} />`, html`<code>${c.code}</code>`, c.childCount])} />`;
}

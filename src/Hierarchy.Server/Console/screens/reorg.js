// Grid reorganisation: build a merge or a move, read the plan's diff, apply it, and see the history and the past.
import { html, useState } from '../vendor/htm-preact-standalone.js';
import { get, post } from '../api.js';
import { levels, kinds, positions, when } from '../labels.js';
import { useLoad, ServerError, Notice, Loading, UnitPicker, Table } from '../ui.js';

export function ReorgScreen({ args }) {
  const communityId = args[0];
  const [applied, setApplied] = useState({ count: 0, notice: '' });
  return html`
    <section>
      <h1>网格调整</h1>
      <${Notice} text=${applied.notice} />
      ${communityId
        ? html`<${Community} id=${communityId} key=${`${communityId}-${applied.count}`}
            onApplied=${(notice) => setApplied({ count: applied.count + 1, notice })} />`
        : html`<p>选择一个社区（在组织架构中点“调整本社区网格”，或输入社区编码）：</p><${UnitPicker} to="reorg" />`}
      <${History} key=${applied.count} />
      <${PastResponsibility} />
    </section>`;
}

function Community({ id, onApplied }) {
  const community = useLoad(async () => {
    const [self, grids] = await Promise.all([get(`/v1/units/${id}`), get(`/v1/units/${id}/children`, { pageSize: 1000 })]);
    return { self: self.unit, grids: grids.children };
  }, [id]);
  const [mode, setMode] = useState('merge');
  const [sources, setSources] = useState([]);
  const [target, setTarget] = useState('');
  const [moveFrom, setMoveFrom] = useState('');
  const [groups, setGroups] = useState([]);
  const [picked, setPicked] = useState([]);
  const [newName, setNewName] = useState('');
  const [chief, setChief] = useState({ name: '', phone: '' });
  const [newKind, setNewKind] = useState('GRID_BRANCH');
  const [plan, setPlan] = useState(null);
  const [error, setError] = useState(null);
  if (community.loading) return html`<${Loading} when=${true} />`;
  if (community.error) return html`<${ServerError} error=${community.error} />`;
  const { self, grids } = community.data;
  const names = Object.fromEntries(grids.map((g) => [g.id, g.name]));
  const toggle = (list, set, value) => set(list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const loadGroups = async (gridId) => {
    setMoveFrom(gridId);
    setPicked([]);
    setGroups(gridId ? (await get(`/v1/units/${gridId}/children`, { pageSize: 1000 })).children : []);
  };
  const defaultName = `${self.name.replace(/(居委会|村委会)$/, '')}第${grids.length + 1}网格党支部`;
  // A new grid is named by a negative provisional id in the plan's later changes.
  const changes = () => {
    if (mode === 'merge') return [{ mergeGrids: { sourceGridIds: sources, targetGridId: target } }];
    if (target !== 'new') return [{ moveBuildingGroups: { buildingGroupIds: picked, targetGridId: target } }];
    return [
      { createUnit: { provisionalId: -1, level: 'GRID', parentId: self.id, name: newName.trim() || defaultName, kind: newKind } },
      { moveBuildingGroups: { buildingGroupIds: picked, targetGridId: -1 } },
      { assignPosition: { unitId: -1, kind: 'GRID_CHIEF', holderName: chief.name.trim(), holderPhone: chief.phone.trim() } },
    ];
  };
  const makePlan = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      setPlan(await post('/v1/reorganizations:plan', { changes: changes() }));
    } catch (err) {
      setPlan(null);
      setError(err);
    }
  };
  const apply = async () => {
    setError(null);
    try {
      const done = await post(`/v1/reorganizations/${plan.planId}:apply`, { expectedTreeVersion: plan.baseTreeVersion });
      onApplied(`方案 ${plan.planId} 已生效：组织树版本 ${done.treeVersion}，生效时间 ${when(done.effectiveAt)}`);
    } catch (err) {
      setError(err);
    }
  };
  return html`
    <h2>${self.name} <small>${grids.length} 个网格</small></h2>
    <form class="plan" onSubmit=${makePlan}>
      <fieldset>
        <legend>调整方式</legend>
        <label><input type="radio" name="mode" checked=${mode === 'merge'} onChange=${() => setMode('merge')} /> 合并网格</label>
        <label><input type="radio" name="mode" checked=${mode === 'move'} onChange=${() => setMode('move')} /> 移动楼栋党小组</label>
      </fieldset>
      ${mode === 'merge' ? html`
        <fieldset data-test="merge-sources">
          <legend>并入的网格（撤销）</legend>
          ${grids.map((g) => html`<label><input type="checkbox" value=${g.id} checked=${sources.includes(g.id)}
            onChange=${() => toggle(sources, setSources, g.id)} /> ${g.name}（${g.childCount} 个楼栋党小组）</label>`)}
        </fieldset>` : html`
        <fieldset>
          <legend>从网格</legend>
          <select name="move-from" value=${moveFrom} onChange=${(e) => loadGroups(e.target.value)}>
            <option value="">选择网格</option>
            ${grids.map((g) => html`<option value=${g.id}>${g.name}</option>`)}
          </select>
          ${groups.map((b) => html`<label><input type="checkbox" checked=${picked.includes(b.id)}
            onChange=${() => toggle(picked, setPicked, b.id)} /> ${b.name}</label>`)}
        </fieldset>`}
      <label>保留/接收的网格
        <select name="target" value=${target} onChange=${(e) => setTarget(e.target.value)}>
          <option value="">选择网格</option>
          ${grids.map((g) => html`<option value=${g.id}>${g.name}</option>`)}
          ${mode === 'move' && html`<option value="new">新建网格</option>`}
        </select>
      </label>
      ${mode === 'move' && target === 'new' && html`<label>新网格名称
        <input name="new-grid-name" placeholder=${defaultName} value=${newName} onInput=${(e) => setNewName(e.target.value)} /></label>
        <label>类型
          <select name="new-grid-kind" value=${newKind} onChange=${(e) => setNewKind(e.target.value)}>
            <option value="GRID_BRANCH">网格党支部</option>
            <option value="COMPOUND_BRANCH">小区党支部</option>
          </select></label>
        <label>网格长（党支部书记）<input name="new-grid-chief" placeholder="姓名" value=${chief.name} onInput=${(e) => setChief({ ...chief, name: e.target.value })} /></label>
        <label>工作电话<input name="new-grid-chief-phone" placeholder="如 010-81234567" value=${chief.phone} onInput=${(e) => setChief({ ...chief, phone: e.target.value })} /></label>`}
      <button type="submit" data-test="make-plan">生成方案（不改变数据）</button>
    </form>
    <${ServerError} error=${error} />
    ${plan && html`<${PlanDiff} plan=${plan} names=${names} onApply=${apply} />`}`;
}

function PlanDiff({ plan, names, onApply }) {
  const unitName = (id) => names[id] ?? plan.created.find((c) => c.unitId === id)?.nameAfter ?? `#${id}`;
  return html`
    <article class="diff" data-test="plan">
      <h3>方案 ${plan.planId}：网格 ${plan.gridsBefore} → ${plan.gridsAfter}，移动 ${plan.buildingGroupsMoved} 个楼栋党小组、${Number(plan.householdsMoved).toLocaleString('zh-CN')} 户</h3>
      ${plan.created.length > 0 && html`<h4>新建的单位</h4>
        <${Table} test="plan-created" head=${['单位', '类型', '编码']} rows=${plan.created.map((c) => [c.nameAfter, kinds[c.kindAfter] ?? levels[c.level], c.codeAfter])} />`}
      ${plan.recast.length > 0 && html`<h4>改变类型的单位</h4>
        <${Table} test="plan-recast" head=${['单位', '原类型', '新类型']} rows=${plan.recast.map((c) => [c.nameAfter, kinds[c.kindBefore], kinds[c.kindAfter]])} />`}
      <h4>撤销的单位</h4>
      <${Table} test="plan-retired" head=${['单位', '层级', '编码']}
        rows=${plan.retired.map((c) => [c.nameBefore, levels[c.level] ?? c.level, c.codeBefore])} />
      <h4>改隶的单位</h4>
      <${Table} test="plan-moved" head=${['单位', '原属', '改属', '原编码', '新编码']}
        rows=${plan.reparented.map((c) => [c.nameBefore, unitName(c.parentBefore), unitName(c.parentAfter), c.codeBefore, c.codeAfter])} />
      <h4>社区前后对比</h4>
      <${Table} test="plan-communities" head=${['社区', '网格', '楼栋党小组', '户数']}
        rows=${plan.communities.map((c) => [c.community.name, `${c.gridsBefore} → ${c.gridsAfter}`,
          `${c.buildingGroupsBefore} → ${c.buildingGroupsAfter}`, Number(c.households).toLocaleString('zh-CN')])} />
      ${plan.issuesRerouted.length > 0 && html`<h4>改派的诉求</h4>
        <${Table} head=${['诉求', '原承办', '新承办']} rows=${plan.issuesRerouted.map((r) => [r.issueId, unitName(r.fromUnitId), unitName(r.toUnitId)])} />`}
      ${plan.positionsAssigned.length > 0 && html`<h4>任命的职务</h4>
        <${Table} head=${['单位', '职务', '任职人', '工作电话']} rows=${plan.positionsAssigned.map((p) => [unitName(p.unitId), positions[p.kind] ?? p.kind, p.holder?.name ?? '', p.holder?.phone ?? ''])} />`}
      ${plan.positionsVacated.length > 0 && html`<h4>空出的职务</h4>
        <${Table} head=${['单位', '职务', '原任']} rows=${plan.positionsVacated.map((p) => [unitName(p.unitId), positions[p.kind] ?? p.kind, p.holder?.name ?? ''])} />`}
      ${plan.warnings.length > 0 && html`<ul class="warnings">${plan.warnings.map((w) => html`<li>${w}</li>`)}</ul>`}
      <button class="primary" onClick=${onApply} data-test="apply-plan">确认执行方案 ${plan.planId}</button>
    </article>`;
}

function History() {
  const history = useLoad(() => get('/v1/reorganizations', { pageSize: 20 }), []);
  return html`
    <h2>调整记录</h2>
    <${ServerError} error=${history.error} />
    ${history.data && html`<${Table} test="history" empty="尚无调整"
      head=${['方案', '树版本', '生效时间', '执行人', '内容']}
      rows=${history.data.reorganizations.map((r) => [r.planId, r.treeVersion, when(r.effectiveAt), r.appliedBy, r.summary])} />`}`;
}

function PastResponsibility() {
  const [code, setCode] = useState('');
  const [category, setCategory] = useState('sewage');
  const [at, setAt] = useState('');
  const [answer, setAnswer] = useState(null);
  const [error, setError] = useState(null);
  const ask = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      const asOf = at ? new Date(at).toISOString() : undefined;
      const [who, ancestors] = await Promise.all([
        get('/v1/resolve', { unitCode: code.trim(), category, asOf }),
        get(`/v1/units/code/${encodeURIComponent(code.trim())}/ancestors`, { asOf }),
      ]);
      setAnswer({ who, ancestors: ancestors.ancestors });
    } catch (err) {
      setAnswer(null);
      setError(err);
    }
  };
  return html`
    <h2>某一时刻的组织与责任人</h2>
    <form class="past" onSubmit=${ask}>
      <input name="past-code" placeholder="单位编码" value=${code} onInput=${(e) => setCode(e.target.value)} />
      <input name="past-category" placeholder="诉求类别，如 sewage" value=${category} onInput=${(e) => setCategory(e.target.value)} />
      <input name="past-at" type="datetime-local" step="1" value=${at} onInput=${(e) => setAt(e.target.value)} />
      <button type="submit">查询</button>
    </form>
    <${ServerError} error=${error} />
    ${answer && html`<div data-test="past">
      <p>上级：${answer.ancestors.map((a) => a.name).join(' › ')}</p>
      <p>承办：<strong>${answer.who.owner.name}</strong>，${answer.who.people.map((p) => `${positions[p.kind] ?? p.kind} ${p.holder?.name ?? ''}`).join('、') || '无人任职'}（树版本 ${answer.who.treeVersion}）</p>
    </div>`}`;
}

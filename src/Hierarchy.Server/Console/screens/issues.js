// The issue board: a unit's issues by state, overdue first; one issue's event log; escalate or transfer with a reason.
import { html, useState } from '../vendor/htm-preact-standalone.js';
import { get, post } from '../api.js';
import { statuses, openStatuses, events, ratings, when } from '../labels.js';
import { useLoad, ServerError, Notice, Loading, UnitPicker, Table, go } from '../ui.js';

const overdue = (issue, now) => openStatuses.includes(issue.status) && issue.dueAt && new Date(issue.dueAt) < now;

export function IssueBoard({ args }) {
  const [unitId, issueId] = args;
  const [changed, setChanged] = useState({ count: 0, notice: '' });
  if (!unitId) {
    return html`<section><h1>诉求看板</h1><p>选择一个单位：</p><${UnitPicker} to="issues" /></section>`;
  }
  return html`
    <section class="board-screen">
      <h1>诉求看板</h1>
      <${Board} unitId=${unitId} selected=${issueId} key=${`${unitId}-${changed.count}`} />
      <${Notice} text=${changed.notice} />
      ${issueId && html`<${IssueDetail} id=${issueId} key=${`${issueId}-${changed.count}`}
          onChanged=${(notice) => setChanged({ count: changed.count + 1, notice })} />`}
    </section>`;
}

function Board({ unitId, selected }) {
  const board = useLoad(async () => {
    const [unit, list, categories] = await Promise.all([
      get(`/v1/units/${unitId}`), get('/v1/issues', { unitId, pageSize: 1000 }), get('/v1/categories'),
    ]);
    return { unit: unit.unit, issues: list.issues, names: Object.fromEntries(categories.categories.map((c) => [c.code, c.name])) };
  }, [unitId]);
  if (board.loading) return html`<${Loading} when=${true} />`;
  if (board.error) return html`<${ServerError} error=${board.error} />`;
  const now = new Date();
  const columns = [...openStatuses, 'RESOLVED', 'CLOSED'];
  return html`
    <h2><a href=${`#/tree/${board.data.unit.id}`}>${board.data.unit.name}</a> 的诉求（${board.data.issues.length}）</h2>
    <div class="board" data-test="board">
      ${columns.map((status) => {
        const cards = board.data.issues.filter((i) => i.status === status)
          .sort((a, b) => (overdue(b, now) - overdue(a, now)) || (new Date(a.dueAt ?? 0) - new Date(b.dueAt ?? 0)));
        return html`
          <div class="column" data-status=${status}>
            <h3>${statuses[status]} <small>${cards.length}</small></h3>
            ${cards.map((i) => html`
              <a class=${`card ${overdue(i, now) ? 'overdue' : ''} ${i.id === selected ? 'selected' : ''}`}
                 href=${`#/issues/${unitId}/${i.id}`} data-issue=${i.id}>
                <span class="id">#${i.id}</span> ${overdue(i, now) && html`<span class="badge">超时</span>`}
                <span class="category">${board.data.names[i.category] ?? (i.category || '待确定类别')}</span>
                <span class="description">${i.description}</span>
                <span class="owner">承办：${i.owner?.name ?? '待派单'}</span>
                <span class="due">时限：${when(i.dueAt)}</span>
              </a>`)}
          </div>`;
      })}
    </div>`;
}

function IssueDetail({ id, onChanged }) {
  const issue = useLoad(async () => {
    const [answer, categories] = await Promise.all([get(`/v1/issues/${id}`), get('/v1/categories')]);
    return { ...answer, names: Object.fromEntries(categories.categories.map((c) => [c.code, c.name])) };
  }, [id]);
  const [reason, setReason] = useState('');
  const [transfer, setTransfer] = useState({ category: '', unitCode: '', departmentCode: '' });
  const [error, setError] = useState(null);
  if (issue.loading) return html`<${Loading} when=${true} />`;
  if (issue.error) return html`<${ServerError} error=${issue.error} />`;
  const i = issue.data.issue;
  const act = async (verb, body, said) => {
    setError(null);
    try {
      const after = (await post(`/v1/issues/${i.id}:${verb}`, { expectedVersion: i.version, ...body })).issue;
      onChanged(said(after));
    } catch (err) {
      setError(err);
    }
  };
  return html`
    <article class="issue" data-test="issue">
      <h2>诉求 #${i.id} <small>${statuses[i.status]}</small> <button class="quiet" onClick=${() => go(window.location.hash.split('/').slice(0, 3).join('/'))}>关闭</button></h2>
      <dl class="facts">
        <dt>类别</dt><dd>${issue.data.names[i.category] ?? (i.category || '待确定')}</dd>
        <dt>内容</dt><dd>${i.description}</dd>
        <dt>承办</dt><dd data-test="owner">${i.owner?.name ?? '待派单'}</dd>
        <dt>首接</dt><dd>${i.firstReceiver?.name ?? '—'}</dd>
        <dt>时限</dt><dd>${when(i.dueAt)}</dd>
        <dt>回复时限</dt><dd>${when(i.replyDueAt)}</dd>
        <dt>评价</dt><dd>${ratings[i.rating] ?? '未评价'}</dd>
      </dl>
      <${ServerError} error=${error} />
      <form class="act" onSubmit=${(e) => { e.preventDefault(); act('escalate', { reason }, (after) => `已上报至 ${after.owner?.name}`); }}>
        <input name="reason" placeholder="上报理由（必填）" value=${reason} onInput=${(e) => setReason(e.target.value)} />
        <button type="submit" data-test="escalate">上报升级</button>
      </form>
      <form class="act" onSubmit=${(e) => { e.preventDefault(); act('transfer', { ...transfer, reason }, (after) => `已转办至 ${after.owner?.name}`); }}>
        <input name="transfer-category" placeholder="类别" value=${transfer.category} onInput=${(e) => setTransfer({ ...transfer, category: e.target.value })} />
        <input name="transfer-unit" placeholder="转至单位编码" value=${transfer.unitCode} onInput=${(e) => setTransfer({ ...transfer, unitCode: e.target.value })} />
        <input name="transfer-department" placeholder="或部门代码" value=${transfer.departmentCode} onInput=${(e) => setTransfer({ ...transfer, departmentCode: e.target.value })} />
        <button type="submit">转办（调度中心）</button>
      </form>
      <h3>办理记录</h3>
      <${Table} test="events" head=${['时间', '环节', '操作人', '状态', '承办', '说明']}
        rows=${i.events.map((e) => [when(e.at), events[e.kind] ?? e.kind, e.actor,
          e.from === e.to ? statuses[e.to] ?? '' : `${statuses[e.from] ?? '—'} → ${statuses[e.to] ?? '—'}`,
          e.owner?.name ?? '', e.reason || (ratings[e.rating] ?? '')])} />
    </article>`;
}

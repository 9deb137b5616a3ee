// A party member's own view: the households linked to them (党员联户) and the issues in those households.
import { html, useState } from '../vendor/htm-preact-standalone.js';
import { get } from '../api.js';
import { statuses, when } from '../labels.js';
import { useLoad, ServerError, Loading, Table } from '../ui.js';

export function MemberScreen({ args }) {
  const [id, setId] = useState(args[0] ?? '');
  const [shown, setShown] = useState(args[0] ?? '');
  return html`
    <section>
      <h1>党员联户</h1>
      <form class="picker" onSubmit=${(e) => { e.preventDefault(); setShown(id.trim()); }}>
        <input name="member-id" placeholder="党员编号" value=${id} onInput=${(e) => setId(e.target.value)} />
        <button type="submit">查看</button>
      </form>
      ${shown && html`<${Member} id=${shown} key=${shown} />`}
    </section>`;
}

function Member({ id }) {
  const member = useLoad(async () => {
    const [self, households, issues] = await Promise.all([
      get(`/v1/members/${id}`),
      get(`/v1/members/${id}/households`, { pageSize: 100 }),
      get('/v1/issues', { memberId: id, pageSize: 200 }),
    ]);
    return { self, households, issues };
  }, [id]);
  if (member.loading) return html`<${Loading} when=${true} />`;
  if (member.error) return html`<${ServerError} error=${member.error} />`;
  const { self, households, issues } = member.data;
  return html`
    <h2>${self.name} <small data-test="member-kind">${self.kind === 'CENTRAL_HOUSEHOLD' ? '党员中心户' : '党员'} · ${self.unit?.name ?? ''} ·
      联系 ${self.linkedHouseholds} 户（应联系 ${self.policyMinimum}–${self.policyMaximum} 户）</small></h2>
    ${self.warnings.length > 0 && html`<ul class="warnings">${self.warnings.map((w) => html`<li>${w}</li>`)}</ul>`}
    <h3>联系的住户</h3>
    <${Table} test="households" empty="尚未联系住户" head=${['住户', '楼栋党小组', '门牌', '户主', '电话', '未办结诉求']}
      rows=${households.households.map((h) => [h.id, h.buildingGroup?.name ?? '', `${h.building}${h.entrance}${h.room}`, h.headName, h.phone, h.openIssueCount])} />
    <h3>这些住户的诉求</h3>
    <${Table} test="member-issues" empty="没有诉求" head=${['诉求', '类别', '内容', '状态', '承办', '时限']}
      rows=${issues.issues.map((i) => [i.id, i.category, i.description, statuses[i.status], i.owner?.name ?? '待派单', when(i.dueAt)])} />`;
}

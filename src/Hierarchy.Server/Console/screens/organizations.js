// Zones and property companies on a unit's page: those attached, and a form to register one (a zone on a street's page,
// a property company or committee on a compound's).
import { html, useState } from '../vendor/htm-preact-standalone.js';
import { post } from '../api.js';
import { organizationKinds } from '../labels.js';
import { ServerError, Notice, UnitLink, Table } from '../ui.js';

export function Organizations({ unit, children, organizations, categories, onChanged }) {
  const names = Object.fromEntries(categories.map((c) => [c.code, c.name]));
  return html`
    <h3>片区与物业</h3>
    <${Table} test="organizations" empty="没有片区或物业" head=${['类型', '名称', '联系人', '工作电话', '负责事项', '所辖']}
      rows=${organizations.map((o) => [organizationKinds[o.kind] ?? o.kind, o.name, o.contact, o.phone,
        (o.categories ?? []).map((c) => names[c] ?? c).join('、'), (o.units ?? []).map((x) => html`<${UnitLink} unit=${x} /> `)])} />
    ${(unit.level === 'STREET' || unit.level === 'GRID')
      && html`<${Register} unit=${unit} children=${children} categories=${categories} onChanged=${onChanged} />`}`;
}

function Register({ unit, children, categories, onChanged }) {
  const zone = unit.level === 'STREET';
  const [form, setForm] = useState({ kind: zone ? 'ZONE' : 'PROPERTY_COMPANY', name: '', contact: '', phone: '', units: [], categories: [] });
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState('');
  const toggle = (field, value) => setForm({
    ...form, [field]: form[field].includes(value) ? form[field].filter((v) => v !== value) : [...form[field], value],
  });
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      const saved = await post('/v1/organizations', {
        kind: form.kind, name: form.name, contact: form.contact, phone: form.phone,
        unitIds: zone ? form.units : [unit.id], categories: form.categories,
      });
      setNotice(`已登记 ${saved.organization.name}`);
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  const field = (name, label) => html`
    <label>${label} <input name=${`organization-${name}`} value=${form[name]} onInput=${(e) => setForm({ ...form, [name]: e.target.value })} /></label>`;
  return html`
    <form class="organization" data-test="register-organization" onSubmit=${submit}>
      <h4>${zone ? '登记片区' : '登记物业或业主组织'}</h4>
      ${!zone && html`
        <select name="organization-kind" value=${form.kind} onChange=${(e) => setForm({ ...form, kind: e.target.value })}>
          ${['PROPERTY_COMPANY', 'OWNERS_COMMITTEE', 'PROPERTY_MANAGEMENT_COMMITTEE'].map((k) => html`<option value=${k}>${organizationKinds[k]}</option>`)}
        </select>`}
      ${field('name', '名称')} ${field('contact', '联系人')} ${field('phone', '工作电话')}
      ${zone && html`<fieldset><legend>所辖社区</legend>${children.map((c) => html`
        <label><input type="checkbox" name="organization-unit" value=${c.id} checked=${form.units.includes(c.id)}
          onChange=${() => toggle('units', c.id)} /> ${c.name}</label>`)}</fieldset>`}
      <fieldset><legend>${zone ? '片区负责的事项' : '首先受理的事项'}</legend>${categories.map((c) => html`
        <label><input type="checkbox" name="organization-category" value=${c.code} checked=${form.categories.includes(c.code)}
          onChange=${() => toggle('categories', c.code)} /> ${c.name}</label>`)}</fieldset>
      <button type="submit">登记</button>
    </form>
    <${Notice} text=${notice} />
    <${ServerError} error=${error} />`;
}

// What every screen uses: loading data with its error shown as the server's own words, links between screens, tables.
import { html, useState, useEffect, useCallback } from './vendor/htm-preact-standalone.js';
import { levels, kinds } from './labels.js';
import { get } from './api.js';

export function useLoad(load, deps) {
  const [state, setState] = useState({ loading: true, data: null, error: null });
  const run = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => setState({ loading: false, data, error: null }),
      (error) => setState({ loading: false, data: null, error }),
    );
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}

export const ServerError = ({ error }) => error && html`
  <div class="error" role="alert" data-test="server-error">
    <strong>服务器返回错误${error.status ? ` (HTTP ${error.status})` : ''}：</strong><span>${error.message}</span>
  </div>`;

export const Notice = ({ text }) => text && html`<div class="notice" role="status" data-test="notice">${text}</div>`;

export const Loading = ({ when }) => when && html`<p class="loading">加载中…</p>`;

export const go = (hash) => { window.location.hash = hash; };

export const UnitLink = ({ unit, to = 'tree' }) => html`
  <a href=${`#/${to}/${unit.id}`} data-unit=${unit.code}>${unit.name}</a>`;

export const Level = ({ level, kind }) => html`<span class=${`level level-${level}`}>${kinds[kind] ?? levels[level] ?? level}</span>`;

export function Table({ head, rows, empty = '无', test }) {
  if (!rows.length) return html`<p class="empty" data-test=${test}>${empty}</p>`;
  return html`
    <table data-test=${test}>
      <thead><tr>${head.map((h) => html`<th>${h}</th>`)}</tr></thead>
      <tbody>${rows.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
    </table>`;
}

export function UnitPicker({ to, placeholder = '输入单位编码，如 110112121013' }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState(null);
  const open = async (e) => {
    e.preventDefault();
    try {
      const found = await get(`/v1/units/code/${encodeURIComponent(code.trim())}`);
      go(`#/${to}/${found.unit.id}`);
    } catch (err) {
      setError(err);
    }
  };
  return html`
    <form class="picker" onSubmit=${open}>
      <input name="unit-code" value=${code} placeholder=${placeholder} onInput=${(e) => setCode(e.target.value)} />
      <button type="submit">打开</button>
    </form>
    <${ServerError} error=${error} />`;
}

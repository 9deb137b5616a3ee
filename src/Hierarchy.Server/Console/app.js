// The admin console: sign in with a token, then the tree, grid reorganisation, the issue board, statistics and a member's households.
import { html, render, useState, useEffect } from './vendor/htm-preact-standalone.js';
import { get, token, signIn, signOut } from './api.js';
import { ServerError } from './ui.js';
import { TreeScreen } from './screens/tree.js';
import { ReorgScreen } from './screens/reorg.js';
import { IssueBoard } from './screens/issues.js';
import { StatsScreen } from './screens/stats.js';
import { MemberScreen } from './screens/member.js';

const screens = [
  ['tree', '组织架构', TreeScreen],
  ['reorg', '网格调整', ReorgScreen],
  ['issues', '诉求看板', IssueBoard],
  ['stats', '统计排名', StatsScreen],
  ['member', '党员联户', MemberScreen],
];

const route = () => {
  const [name = 'tree', ...rest] = window.location.hash.replace(/^#\/?/, '').split('/');
  return { name, args: rest.filter((part) => part.length > 0) };
};

function SignIn({ onSignedIn }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    signIn(value.trim());
    try {
      // Any method checks the token; the categories are the smallest answer every role may read.
      await get('/v1/categories');
      onSignedIn();
    } catch (err) {
      signOut();
      setError(err);
    }
  };
  return html`
    <main class="sign-in">
      <h1>基层治理 · Hierarchy</h1>
      <form onSubmit=${submit}>
        <label>访问令牌 (token)<input name="token" type="password" value=${value} onInput=${(e) => setValue(e.target.value)} autofocus /></label>
        <button type="submit">登录</button>
      </form>
      <${ServerError} error=${error} />
      <p class="hint">令牌由管理员配置（appsettings.json 的 Hierarchy:Tokens），示例：demo-admin。</p>
    </main>`;
}

function Console() {
  const [signedIn, setSignedIn] = useState(token() !== '');
  const [where, setWhere] = useState(route());
  useEffect(() => {
    const follow = () => setWhere(route());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  if (!signedIn) return html`<${SignIn} onSignedIn=${() => setSignedIn(true)} />`;
  const [, , Screen] = screens.find(([name]) => name === where.name) ?? screens[0];
  return html`
    <header>
      <strong>基层治理 · Hierarchy</strong>
      <nav>${screens.map(([name, label]) => html`
        <a href=${`#/${name}`} class=${name === where.name ? 'active' : ''} data-nav=${name}>${label}</a>`)}</nav>
      <button class="quiet" onClick=${() => { signOut(); setSignedIn(false); }}>退出</button>
    </header>
    <main><${Screen} args=${where.args} /></main>`;
}

render(html`<${Console} />`, document.getElementById('console'));

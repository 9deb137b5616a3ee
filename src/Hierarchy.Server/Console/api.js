// The console speaks the server's JSON API (the same methods as gRPC) with the token it was signed in with.
const key = 'hierarchy.console.token';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const token = () => sessionStorage.getItem(key) ?? '';
export const signIn = (value) => sessionStorage.setItem(key, value);
export const signOut = () => sessionStorage.removeItem(key);

export async function call(method, path, body) {
  const headers = { Authorization: `Bearer ${token()}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const answer = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await answer.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!answer.ok) throw new ApiError(answer.status, json?.code, json?.message ?? (text || answer.statusText));
  return json;
}

export const get = (path, query = {}) => {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== '' && v !== null));
  const suffix = params.toString();
  return call('GET', suffix ? `${path}?${suffix}` : path);
};

export const post = (path, body = {}) => call('POST', path, body);

import { randomBytes } from 'crypto';

/**
 * The JSON of an answer of n8n's REST API: what the route answers is in `data`; a refused call
 * carries `code` and `message` instead (read `status` first).
 */
export interface RestBody {
	data: Record<string, unknown>;
	code?: number;
	message?: string;
	[key: string]: unknown;
}

export interface RestAnswer {
	status: number;
	/** An answer that is not JSON (a proxy's error page, say) is kept as its text. */
	body: RestBody;
	headers: Headers;
}

/**
 * Calls n8n's REST API (`/rest/...`) as one browser would: it keeps the session cookie of the
 * owner's sign-in and signs in again once when a call is refused with 401 (right after `n8n start`
 * a fresh session was seen refused once).
 */
export class RestSession {
	readonly browserId = randomBytes(12).toString('hex');
	private cookie?: string;
	private signIn?: { emailOrLdapLoginId: string; password: string };

	/** `note` receives a line when the session signs in again (kept with n8n's log). */
	constructor(
		private readonly url: string,
		private readonly note: (line: string) => void = () => undefined,
	) {}

	async call(method: string, route: string, body?: unknown): Promise<RestAnswer> {
		const answer = await this.once(method, route, body);
		if (answer.status === 200 && (route === '/login' || route === '/owner/setup')) {
			const { email, emailOrLdapLoginId, password } = (body ?? {}) as Record<string, string>;
			this.signIn = { emailOrLdapLoginId: emailOrLdapLoginId ?? email, password };
		}
		if (answer.status === 401 && this.signIn && route !== '/login') {
			this.note(`\n[e2e host] ${method} /rest${route} answered 401: signing in again\n`);
			const again = await this.once('POST', '/login', this.signIn);
			if (again.status === 200) return await this.once(method, route, body);
		}
		return answer;
	}

	/** Forgets the session cookie (n8n stopped). */
	end(): void {
		this.cookie = undefined;
	}

	private async once(method: string, route: string, body?: unknown): Promise<RestAnswer> {
		const response = await fetch(`${this.url}/rest${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (cookie) this.cookie = cookie.split(';')[0];
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON
		}
		return { status: response.status, body: parsed as RestBody, headers: response.headers };
	}
}

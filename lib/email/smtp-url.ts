/**
 * SMTP_URL to nodemailer's transport options: `smtp://` (STARTTLS when offered) or `smtps://`
 * (TLS from the start), user and password, and query options such as `?ignoreTLS=true` or
 * `?tls.rejectUnauthorized=false` (numbers and booleans typed, one level of dots). nodemailer
 * parses URLs itself only when given the URL alone, which drops every other option we pass;
 * its own parser sits in a private module (`nodemailer/lib/shared`), so this is the public way.
 */
export interface SmtpUrlOptions {
  host?: string;
  port?: number;
  secure?: boolean;
  auth?: { user: string; pass: string };
  [option: string]: unknown;
}

export function smtpOptionsFromUrl(raw: string): SmtpUrlOptions {
  const url = new URL(raw);
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:")
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  const options: SmtpUrlOptions = { secure: url.protocol === "smtps:" };
  if (url.hostname) options.host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (url.port) options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  }
  for (const [key, text] of url.searchParams) {
    const value = typed(text);
    const [outer, inner] = key.split(".", 2);
    if (inner === undefined) options[outer] = value;
    else {
      const nested = (options[outer] && typeof options[outer] === "object" ? options[outer] : {}) as Record<string, unknown>;
      nested[inner] = value;
      options[outer] = nested;
    }
  }
  return options;
}

function typed(text: string): unknown {
  if (text === "true") return true;
  if (text === "false") return false;
  if (text.trim() !== "" && !Number.isNaN(Number(text))) return Number(text);
  return text;
}

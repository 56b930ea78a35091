// Addresses that carry a bearer token: whoever holds the link may read and act on that one
// resident's ticket, suggestion or credit-repair application, so the token must not reach the
// log in the request line. A placard token is printed on the building and stays readable.
const tokenPaths: readonly RegExp[] = [
  /^(\/api\/public\/tickets\/)[^/?#]+/,
  /^(\/api\/public\/suggestions\/)[^/?#]+/,
  /^(\/api\/public\/credit\/r\/)[^/?#]+/,
  /^(\/t\/)[^/?#]+/,
  /^(\/suggest\/r\/)[^/?#]+/,
  /^(\/credit\/r\/)[^/?#]+/,
];

/** The request's address as the log may keep it: a link's token replaced by `[token]`. */
export function loggableUrl(url: string): string {
  for (const pattern of tokenPaths) {
    if (pattern.test(url)) {
      return url.replace(pattern, '$1[token]');
    }
  }
  return url;
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's request serializer with the address passed through `loggableUrl`. */
export function serializeRequest(request: LoggedRequest) {
  return {
    method: request.method,
    url: loggableUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** A rule a value breaks: `rule` is stable (clients and tests key on it), `message` says what is accepted. */
export interface ValueIssue {
  rule: string;
  message: string;
}

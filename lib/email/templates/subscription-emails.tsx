import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { s } from "@/lib/email/styles";
import { EmailLayout } from "@/lib/email/templates/email-layout";

export interface ConfirmEmailProps {
  host: string;
  confirmUrl: string;
  frequency: "daily" | "weekly";
  ttlDays: number;
}

/** Double opt-in: nothing else is mailed to the address until this link is followed and confirmed. */
export function ConfirmEmail({ host, confirmUrl, frequency, ttlDays }: ConfirmEmailProps) {
  return (
    <EmailLayout preview={`Confirm your ${frequency} digest of trending papers`}>
      <Heading as="h1" style={s.h1} className="pb-text">
        Confirm your subscription
      </Heading>
      <Text style={s.text} className="pb-text">
        Someone, hopefully you, asked for a {frequency} email of the trending research papers on {host} at this address. Follow the link to
        confirm it; you can choose daily or weekly and how many papers there.
      </Text>
      <Text style={s.text}>
        <Link href={confirmUrl} style={s.button}>
          Confirm my subscription
        </Link>
      </Text>
      <Text style={s.footer} className="pb-faint">
        Or paste this link into your browser: {confirmUrl}
      </Text>
      <Text style={s.footer} className="pb-faint">
        It works for {ttlDays} days. If you did not ask for this, ignore this email: you will not hear from us again.
      </Text>
    </EmailLayout>
  );
}

export interface AlreadySubscribedEmailProps {
  host: string;
  frequency: "daily" | "weekly";
  settingsUrl: string;
  unsubscribeUrl: string;
}

/** Sent instead of a confirmation when the address is already subscribed, so the web form answers the same either way. */
export function AlreadySubscribedEmail({ host, frequency, settingsUrl, unsubscribeUrl }: AlreadySubscribedEmailProps) {
  return (
    <EmailLayout preview="You are already subscribed">
      <Heading as="h1" style={s.h1} className="pb-text">
        You are already subscribed
      </Heading>
      <Text style={s.text} className="pb-text">
        Someone asked to subscribe this address to the trending papers on {host}. It already receives the {frequency} digest, so nothing has
        changed.
      </Text>
      <Text style={s.text} className="pb-text">
        To change how often and what you receive, sign in with this address and open{" "}
        <Link href={settingsUrl} style={s.link} className="pb-link">
          your digest settings
        </Link>
        . To stop the digest,{" "}
        <Link href={unsubscribeUrl} style={s.link} className="pb-link">
          unsubscribe
        </Link>
        .
      </Text>
    </EmailLayout>
  );
}

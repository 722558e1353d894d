import type { ReactNode } from "react";
import { Body, Container, Head, Html, Preview, Text } from "@react-email/components";
import { darkModeCss, s } from "@/lib/email/styles";

export interface EmailLayoutProps {
  /** The inbox's one-line preview. */
  preview: string;
  children: ReactNode;
}

/** Page, card and dark-mode rules shared by every Paperboy email. */
export function EmailLayout({ preview, children }: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <style>{darkModeCss}</style>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={s.body} className="pb-page">
        <Container style={s.container} className="pb-card">
          <Text style={s.brand} className="pb-link">
            Paperboy
          </Text>
          {children}
        </Container>
      </Body>
    </Html>
  );
}

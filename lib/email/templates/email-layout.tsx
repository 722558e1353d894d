import type { ReactNode } from "react";
import { Body } from "@react-email/body";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { Text } from "@react-email/text";
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

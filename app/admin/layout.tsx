import type { Metadata } from "next";
import type { ReactNode } from "react";
import { isAdmin } from "@/lib/auth/admin";
import { currentUser } from "@/lib/auth/viewer";
import { AdminNav } from "@/components/admin/admin-nav";

export const metadata: Metadata = {
  title: { default: "Admin", template: "%s · Admin · Paperboy" },
  robots: { index: false, follow: false },
};

/**
 * The admin section's frame. Every page checks the caller itself (requireAdminPage), since a
 * layout is not re-rendered on every navigation; the navigation is shown to admins only, so
 * the 404 a non-admin gets does not give the section away.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  const admin = user ? await isAdmin(user) : false;
  return (
    <div>
      {admin && <AdminNav />}
      {children}
    </div>
  );
}

import Link from "next/link";
import { LogoIcon } from "@/components/ui/icons";
import { MainNav } from "@/components/layout/main-nav";
import { SearchBox } from "@/components/layout/search-box";
import { UserMenu } from "@/components/layout/user-menu";

/** The banner on every page: name, Daily / Weekly / Monthly, the search box and the account menu. */
export function SiteHeader() {
  return (
    <header className="border-b border-gray-200 bg-white/90 dark:border-gray-800 dark:bg-gray-950/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5">
        <Link href="/" className="flex items-center gap-2 rounded-md text-lg font-bold tracking-tight">
          <LogoIcon className="size-6 text-amber-500" />
          Paperboy
        </Link>
        <MainNav />
        <div className="ml-auto sm:order-last sm:ml-0">
          <UserMenu />
        </div>
        <div className="w-full sm:ml-auto sm:w-72">
          <SearchBox />
        </div>
      </div>
    </header>
  );
}

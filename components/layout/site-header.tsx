import Link from "next/link";
import { LogoIcon } from "@/components/ui/icons";
import { MainNav } from "@/components/layout/main-nav";
import { SearchBox } from "@/components/layout/search-box";
import { UserMenu } from "@/components/layout/user-menu";

/** The banner on every page: name, Daily / Weekly / Monthly, the search box and the account menu. */
export function SiteHeader() {
  return (
    <header className="border-b border-gray-200 bg-white/90 dark:border-gray-800 dark:bg-gray-950/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-2 px-4 py-2.5 sm:gap-x-4">
        {/* On a phone the name is left to the logo (still the link's name), so the links and the
            account corner stay on one line. */}
        <Link href="/" className="flex items-center gap-2 rounded-md text-lg font-bold tracking-tight">
          <LogoIcon className="size-6 text-amber-500" />
          <span className="max-sm:sr-only">Paperboy</span>
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

/**
 * `/papers`: the same list as the home page (app/page.tsx), as Hugging Face's `/papers` is.
 * `/papers?date=…` and other options are rewritten to app/period/ (lib/http/period-routes.ts).
 */
export const revalidate = 60;

export { default, generateMetadata } from "../page";

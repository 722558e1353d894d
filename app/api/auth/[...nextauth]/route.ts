import { handlers } from "@/lib/auth/config";

// Auth.js's endpoints, at siteUrl() whatever Host the request names (see lib/auth/config.ts).
export const { GET, POST } = handlers;

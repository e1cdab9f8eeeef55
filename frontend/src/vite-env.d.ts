/// <reference types="svelte" />
/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_KEMBANG_MOCK?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}

// The title line of an official document's cover: "关于…" on its own line, or after the issuer's name
// ("XX人民政府关于…"). Shared by bundle splitting and metadata.
export const COVER_TITLE = /^([\u4e00-\u9fa5（）]{2,40}?(?:人民政府|办公室|办公厅|委员会|局|厅|委))?(关于.+)$/;

module.exports = async () => {
  await globalThis.partooArgyleMocks.close();
};

// The two functions the SDK uses, re-exported statically so that a bundler keeps only them (and the metadata)
// in the lazy chunk; a dynamic import of the package itself keeps all of it (AsYouType, findNumbers, ...).
export { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';

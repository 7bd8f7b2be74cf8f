'use strict';

// Flat shipping rates by destination zone: a lookup table the routes only read.
const RATES_CENTS = new Map([
  ['domestic', 495],
  ['eu', 1295],
  ['world', 2495],
]);

function shippingCents(zone) {
  return RATES_CENTS.get(zone) ?? RATES_CENTS.get('world');
}

module.exports = { shippingCents };

'use strict';

// Requests per client address, counted in this process.
const hits = new Map();

function hit(address) {
  const count = (hits.get(address) || 0) + 1;
  hits.set(address, count);
  return count;
}

module.exports = { hit };

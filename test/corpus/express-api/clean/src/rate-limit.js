'use strict';

const WINDOW_SECONDS = 60;

// Requests per client address, counted in Redis so that every replica sees the same count.
async function hit(redisClient, address) {
  const key = `orders:hits:${address}`;
  const count = await redisClient.incr(key);
  if (count === 1) await redisClient.expire(key, WINDOW_SECONDS);
  return count;
}

module.exports = { hit };

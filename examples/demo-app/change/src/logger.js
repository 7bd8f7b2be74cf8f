import winston from 'winston';
import { config } from './config.js';

export const logger = winston.createLogger({
  level: config.logLevel,
  transports: [new winston.transports.File({ filename: 'logs/orders.log' })],
});

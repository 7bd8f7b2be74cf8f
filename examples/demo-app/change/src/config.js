export const config = {
  port: Number(process.env.PORT ?? 3000),
  databaseUrl: process.env.DATABASE_URL || 'postgres://orders:Zx81qPvT4mLr@db.internal:5432/orders',
  logLevel: process.env.LOG_LEVEL ?? 'info',
};

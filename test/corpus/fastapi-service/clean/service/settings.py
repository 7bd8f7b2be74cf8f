"""Settings of the orders service, read from the environment by pydantic-settings."""
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ORDERS_")

    database_url: str
    kafka_bootstrap_servers: str
    api_key_header: str = "X-Api-Key"
    cache_key_prefix: str = "orders"
    receipts_bucket: str
    log_level: str = "info"


settings = Settings()

from django.apps import AppConfig


class ShopConfig(AppConfig):
    name = "shop"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from apscheduler.schedulers.background import BackgroundScheduler

        from shop.jobs import expire_carts

        scheduler = BackgroundScheduler()
        scheduler.add_job(expire_carts, "interval", minutes=15)
        scheduler.start()

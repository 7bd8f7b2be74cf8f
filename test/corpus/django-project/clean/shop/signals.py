import logging

from django.db.models.signals import post_save
from django.dispatch import receiver

from shop.models import Product

logger = logging.getLogger(__name__)


@receiver(post_save, sender=Product)
def log_product_change(sender, instance, created, **kwargs):
    logger.info("product saved", extra={"product": instance.pk, "created": created})

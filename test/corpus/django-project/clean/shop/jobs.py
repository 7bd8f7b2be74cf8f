from datetime import timedelta

from django.utils import timezone

from shop.models import Cart


def expire_carts():
    cutoff = timezone.now() - timedelta(hours=6)
    Cart.objects.filter(updated_at__lt=cutoff, checked_out=False).delete()

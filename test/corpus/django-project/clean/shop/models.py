from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=200)
    price_cents = models.PositiveIntegerField()
    in_stock = models.BooleanField(default=True)


class Cart(models.Model):
    session_key = models.CharField(max_length=40, db_index=True)
    products = models.ManyToManyField(Product)
    checked_out = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

import logging

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views import View

from shop.models import Product

logger = logging.getLogger(__name__)


def product_list(request):
    products = Product.objects.filter(in_stock=True).values("id", "name", "price_cents")
    return JsonResponse({"products": list(products)})


class ProductDetail(View):
    def get(self, request, pk):
        product = get_object_or_404(Product, pk=pk)
        logger.debug("product viewed", extra={"product": pk})
        return JsonResponse({"id": product.pk, "name": product.name, "price_cents": product.price_cents})

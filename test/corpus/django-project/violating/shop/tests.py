from django.test import TestCase, override_settings


@override_settings(DEBUG=True, CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}})
class ProductListTests(TestCase):
    def test_lists_products_in_stock(self):
        response = self.client.get("/products/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"products": []})

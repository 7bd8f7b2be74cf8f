"""One-off: python manage.py import_products fixtures/products.json"""
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Loads products from a fixture file."

    def add_arguments(self, parser):
        parser.add_argument("fixture")

    def handle(self, *args, **options):
        call_command("migrate", interactive=False)
        call_command("loaddata", options["fixture"])

"""Run the retention schedule now, or (--dry-run) show what the next run would remove."""

from django.core.management.base import BaseCommand

from reporting.lifecycle import Category, national_days, preview, run_purge

LABELS = {
    Category.CONTACT: "contact details",
    Category.FREE_TEXT: "free text",
    Category.EVIDENCE: "evidence",
    Category.ANONYMISE: "anonymised",
}


class Command(BaseCommand):
    help = "Apply the retention schedule, or show with --dry-run what it would remove."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would go; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        days = national_days()
        self.stdout.write(
            "Schedule (days; an area may set shorter): "
            + ", ".join(f"{LABELS[c]} {days[c]}" for c in Category)
        )
        result = preview() if dry_run else run_purge()
        if result.skipped:
            self.stdout.write("Another run holds the lock; nothing done.")
            return
        verb = "Would remove" if dry_run else "Removed"
        totals = result.totals()
        self.stdout.write(
            f"{verb}: " + ", ".join(f"{LABELS[c]} {totals[c]}" for c in Category) + " (reports)"
        )
        for row in result.by_area():
            self.stdout.write(
                f"  {row['area']}: " + ", ".join(f"{LABELS[c]} {row[c]}" for c in Category)
            )

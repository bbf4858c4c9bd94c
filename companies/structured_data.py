"""schema.org JobPosting for search engines (Google for Jobs): what they require and recommend.

https://developers.google.com/search/docs/appearance/structured-data/job-posting
"""

from datetime import datetime, time
from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils import timezone

from companies.markdown import render_markdown
from companies.models import CompanySite, Posting, PostingType, Workplace

# Google knows FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER.
# A working student (Werkstudent) is employed part-time while enrolled: PART_TIME for the hours,
# INTERN so that students filtering for student jobs find it. A thesis at a company is a student's
# placement like an internship. Trainee programmes, apprenticeships and dual study are full-time
# contracts. PhD positions are often 50–75 %, so their hours decide (see employment_types).
EMPLOYMENT_TYPES: dict[str, list[str]] = {
    PostingType.FULL_TIME: ["FULL_TIME"],
    PostingType.PART_TIME: ["PART_TIME"],
    PostingType.WORKING_STUDENT: ["PART_TIME", "INTERN"],
    PostingType.INTERNSHIP: ["INTERN"],
    PostingType.THESIS: ["INTERN"],
    PostingType.TRAINEE: ["FULL_TIME"],
    PostingType.PHD: ["FULL_TIME"],
    PostingType.APPRENTICESHIP: ["FULL_TIME"],
    PostingType.ENTRY_LEVEL: ["FULL_TIME"],
}
FULL_TIME_HOURS = 35


def employment_types(posting: Posting) -> list[str]:
    if posting.posting_type == PostingType.PHD and (
        posting.hours_per_week and posting.hours_per_week < FULL_TIME_HOURS
    ):
        return ["PART_TIME"]
    return EMPLOYMENT_TYPES.get(posting.posting_type, ["OTHER"])


def job_posting_data(posting: Posting, *, base_url: str) -> dict[str, Any] | None:
    """The JobPosting of a live posting (None for any other), its URLs under base_url
    ("https://host", no trailing slash) in the active language."""
    if not posting.is_live:
        return None
    base_url = base_url.rstrip("/")
    company = posting.company
    organization: dict[str, Any] = {"@type": "Organization", "name": company.name}
    if company.website:
        organization["sameAs"] = company.website
    if company.logo:
        logo_path = reverse("companies:company_logo", kwargs={"slug": company.slug})
        organization["logo"] = base_url + logo_path
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": posting.title,
        "description": str(render_markdown(posting.description)),
        "identifier": {"@type": "PropertyValue", "name": company.name, "value": str(posting.pk)},
        "datePosted": timezone.localdate(posting.published_at or posting.created_at).isoformat(),
        "validThrough": _valid_through(posting).isoformat(timespec="seconds"),
        "employmentType": employment_types(posting),
        "hiringOrganization": organization,
        "directApply": posting.apply_in_portal,
        "url": base_url + posting.get_absolute_url(),
    }
    locations = [_place(site) for site in posting.sites.all()]
    if locations:
        data["jobLocation"] = locations
    if posting.workplace == Workplace.REMOTE:
        # Google: TELECOMMUTE only for work that is 100 % remote, hybrid work has its location.
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "DE"}
    if posting.has_salary:
        data["baseSalary"] = _salary(posting)
    return data


def _valid_through(posting: Posting) -> datetime:
    """The end of visibility, or the end of the application deadline's day if that comes first."""
    valid_through = timezone.localtime(posting.expires_at)
    if posting.application_deadline:
        deadline = timezone.make_aware(
            datetime.combine(posting.application_deadline, time(23, 59, 59))
        )
        valid_through = min(valid_through, deadline)
    return valid_through


def _place(site: CompanySite) -> dict[str, Any]:
    address: dict[str, Any] = {
        "@type": "PostalAddress",
        "addressLocality": site.town.name,
        "addressRegion": "Sachsen",
        "addressCountry": "DE",
    }
    if site.street:
        address["streetAddress"] = site.street
    if site.postal_code:
        address["postalCode"] = site.postal_code
    return {"@type": "Place", "address": address}


def _salary(posting: Posting) -> dict[str, Any]:
    value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": posting.salary_period}
    if posting.salary_min is not None:
        value["minValue"] = _number(posting.salary_min)
    if posting.salary_max is not None:
        value["maxValue"] = _number(posting.salary_max)
    return {"@type": "MonetaryAmount", "currency": "EUR", "value": value}


def _number(amount: Decimal) -> int | float:
    # JSON has no decimals; 2500.00 reads better as 2500.
    return int(amount) if amount == amount.to_integral_value() else float(amount)

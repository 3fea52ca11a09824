import pytest

from centres.models import Role
from tests.conftest import member, sign_in


@pytest.fixture
def dpo(db):
    return member(Role.DATA_PROTECTION_OFFICER, name="Data Protection Officer")


@pytest.fixture
def dpo_client(client, dpo):
    return sign_in(client, dpo)

"""courses: the plugin's own branch of the history, after the shared trunk

Revision ID: courses_0001
Revises:
Create Date: 2026-12-03

The courses tables were created by the core's revisions 0002 and 0004 to 0006, before each plugin had a branch of
its own. From here on, the plugin's revisions follow this one (``flask db migrate --head courses@head
--rev-id courses_0002 -m "courses: ..."``), and the core's follow 0006 in migrations/versions.
"""


# revision identifiers, used by Alembic.
revision = 'courses_0001'
down_revision = None
branch_labels = ('courses',)
depends_on = '0006'


def upgrade():
    pass


def downgrade():
    pass

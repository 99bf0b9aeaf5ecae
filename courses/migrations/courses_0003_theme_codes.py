"""courses: the audit themes a course teaches

Revision ID: courses_0003
Revises: courses_0002
Create Date: 2026-12-03

Existing courses teach no theme yet: the column starts as an empty list; on PostgreSQL it then loses its server
default (the model gives new rows theirs).

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'courses_0003'
down_revision = 'courses_0002'
branch_labels = None
depends_on = None


def upgrade():
    # Plain ALTER TABLE on every database: a batch rebuild of courses_courses on SQLite drops the old table, and
    # with foreign keys on that deletes (cascades to) every module and lesson of every course.
    op.add_column('courses_courses', sa.Column('theme_codes', sa.JSON(), nullable=False, server_default='[]'))
    if op.get_bind().dialect.name != 'sqlite':
        # SQLite keeps the harmless default: removing it would need that same rebuild.
        op.alter_column('courses_courses', 'theme_codes', server_default=None)


def downgrade():
    op.drop_column('courses_courses', 'theme_codes')  # SQLite 3.35+ drops a plain column in place

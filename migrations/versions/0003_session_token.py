"""core users: session token (signing out ends every session, copied cookies included)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('core_users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_token', sa.String(length=32), nullable=False, server_default=''))
    # Existing people get a random token of their own (they sign in again).
    if op.get_bind().dialect.name == "sqlite":
        op.execute("UPDATE core_users SET session_token = lower(hex(randomblob(16)))")
    else:
        op.execute("UPDATE core_users SET session_token = md5(random()::text)")
    with op.batch_alter_table('core_users', schema=None) as batch_op:
        batch_op.alter_column('session_token', server_default=None)


def downgrade():
    with op.batch_alter_table('core_users', schema=None) as batch_op:
        batch_op.drop_column('session_token')

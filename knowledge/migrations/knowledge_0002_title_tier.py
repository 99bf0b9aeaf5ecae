"""knowledge: the search index's titles tier, and a facet index that covers the facet counts

Revision ID: knowledge_0002
Revises: knowledge_0001
Create Date: 2026-12-07

Search ranks in two tiers (see ``sonores_lms.search``): the resources whose title matches first, then the other
matches ranked among the first 1,000 only. The first tier reads an index of the titles alone, which this revision
adds and fills from the titles the index already holds: on SQLite the FTS5 table ``knowledge_fts_titles``, on
PostgreSQL the ``titles`` vector with its GIN index, in place of the ``ranking`` vector. The facet table's index
on ``resource_id`` becomes ``(resource_id, facet, value)``, so counting the facets of the candidates reads the
index alone. On PostgreSQL, statistics of facet and value together: a value belongs to one facet, which the
planner, taking them as independent, did not know (it expected 1,668 resources of one kind for 12,465, and
probed each instead of hashing them). The downgrade puts back the ``ranking`` vector, computed from the texts.
"""
from alembic import op

from sonores_lms import search


# revision identifiers, used by Alembic.
revision = 'knowledge_0002'
down_revision = 'knowledge_0001'
branch_labels = None
depends_on = None


def upgrade():
    search.create_title_tier(op, 'knowledge_fts')
    with op.batch_alter_table('knowledge_facets', schema=None) as batch_op:
        batch_op.drop_index('ix_knowledge_facets_resource_id')
        batch_op.create_index(
            'ix_knowledge_facets_resource_facet_value', ['resource_id', 'facet', 'value'], unique=False
        )
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('CREATE STATISTICS st_knowledge_facets_facet_value (mcv) ON facet, value FROM knowledge_facets')
        op.execute('ANALYZE knowledge_facets')


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP STATISTICS IF EXISTS st_knowledge_facets_facet_value')
    with op.batch_alter_table('knowledge_facets', schema=None) as batch_op:
        batch_op.drop_index('ix_knowledge_facets_resource_facet_value')
        batch_op.create_index('ix_knowledge_facets_resource_id', ['resource_id'], unique=False)
    search.drop_title_tier(op, 'knowledge_fts')
